// A vendor's account assumes an audit role in the customer's account, with an external ID.
account('444455556666', alias: 'vendor') {
    user('integration') {
        inline('AssumeAudit') { allow 'sts:AssumeRole' on 'arn:aws:iam::111122223333:role/VendorAudit' }
    }
}
account('111122223333', alias: 'customer') {
    role('VendorAudit') {
        trustAccount '444455556666', externalId: 'Unique-1234'
        attach 'SecurityAudit'
    }
}

explain user('integration'), 'sts:AssumeRole', role('VendorAudit'), ['sts:ExternalId': 'wrong-guess']
def audit = assumeRole user('integration'), role('VendorAudit'), externalId: 'Unique-1234', duration: '30m'
explain audit, 'iam:ListUsers', '*'
advanceClock '31m'
println "the clock says ${clock.instant()}; the session expired at ${audit.expiration().get()}"
