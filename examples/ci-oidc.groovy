// A CI system's workflow deploys with a role it assumes through OpenID Connect.
account('111122223333') {
    oidcProvider 'https://token.actions.githubusercontent.com', audiences: ['sts.amazonaws.com']
    bucket 'shop-site'
    role('deploy-site') {
        trustOidc 'token.actions.githubusercontent.com',
                aud: 'sts.amazonaws.com', sub: 'repo:acme/shop:ref:refs/heads/main'
        inline('Upload') { allow 's3:PutObject' on 'arn:aws:s3:::shop-site/*' }
    }
}

def run = assumeRoleWithWebIdentity role('deploy-site'), sessionName: 'build-101', token: [
        iss: 'https://token.actions.githubusercontent.com',
        aud: 'sts.amazonaws.com',
        sub: 'repo:acme/shop:ref:refs/heads/main']
println "session ${run.arn()} expires ${run.expiration().get()}"
explain run, 's3:PutObject', 'arn:aws:s3:::shop-site/index.html'

// A pull request's workflow has another subject and is refused:
explain 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
        'sts:AssumeRoleWithWebIdentity', role('deploy-site'),
        ['token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
         'token.actions.githubusercontent.com:sub': 'repo:acme/shop:pull_request']
