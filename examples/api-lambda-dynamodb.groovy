// API Gateway invokes a Lambda function, whose execution role writes to a DynamoDB table.
account('111122223333') {
    def ordersApi = api('orders')
    table('orders')
    role('orders-handler') {
        trustService 'lambda.amazonaws.com'
        attach 'AWSLambdaBasicExecutionRole'
        inline('OrdersTable') {
            allow 'dynamodb:GetItem', 'dynamodb:PutItem' on 'arn:aws:dynamodb:us-east-1:111122223333:table/orders'
        }
    }
    function('orders-handler', role: 'orders-handler') {
        policy {
            allow 'lambda:InvokeFunction' principal service: 'apigateway.amazonaws.com' when ArnLike: ['aws:SourceArn': "${ordersApi.arn}/*"]
        }
    }
}

explain api('orders'), 'lambda:InvokeFunction', function('orders-handler')
explain function('orders-handler'), 'dynamodb:PutItem', table('orders')
println can(function('orders-handler'), 'dynamodb:DeleteTable', table('orders'))
