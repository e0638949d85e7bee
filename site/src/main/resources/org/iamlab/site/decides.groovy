account('111122223333', alias: 'shop') {
    bucket 'shop-logs'
    group('developers') {
        inline('ReadLogs') { allow 's3:GetObject' on 'arn:aws:s3:::shop-logs/*' }
        inline('NoSecrets') { deny 's3:GetObject' on 'arn:aws:s3:::shop-logs/secret/*' }
    }
    alice = user('alice') { groups 'developers' }
    bob = user('bob')
}
explain alice, 's3:GetObject', 'arn:aws:s3:::shop-logs/2026/app.log'
explain alice, 's3:GetObject', 'arn:aws:s3:::shop-logs/secret/db-password.txt'
explain bob, 's3:GetObject', 'arn:aws:s3:::shop-logs/2026/app.log'
