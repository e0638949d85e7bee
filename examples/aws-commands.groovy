// The course's aws iam commands, run verbatim against a world in account 123456789012.
aws '''
aws iam create-user --user-name alice
aws iam create-group --group-name developers
aws iam add-user-to-group --user-name alice --group-name developers
aws iam attach-group-policy --group-name developers \
    --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam create-access-key --user-name alice
aws iam simulate-principal-policy \
    --policy-source-arn arn:aws:iam::123456789012:user/alice \
    --action-names s3:GetObject s3:PutObject \
    --resource-arns arn:aws:s3:::reports/q1.csv
'''

// Mistakes print as the CLI prints them; mayFail keeps the script going.
aws mayFail: true, 'aws iam add-user-to-group --user-name alice --group-name developer'
