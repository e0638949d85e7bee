// A user, a group and three kinds of policies; run with: ./iamlab run examples/getting-started.groovy
account('111122223333', alias: 'dev') {
    policy('ReadLogs') {
        allow 's3:GetObject', 's3:ListBucket' on 'arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'
    }
    group('developers') {
        attach 'ReadLogs'                 // customer managed
        attach 'AWSCodeCommitReadOnly'    // AWS managed
        members 'alice'
    }
    user('alice') {
        accessKey()
        inline('NoSecretLogs') {          // inline
            deny 's3:GetObject' on 'arn:aws:s3:::logs/secret/*'
        }
    }
}

explain user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/app.log'
explain user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/secret/passwords.txt'
whoCan 's3:ListBucket', 'arn:aws:s3:::logs'
