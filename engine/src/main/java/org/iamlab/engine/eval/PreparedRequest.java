package org.iamlab.engine.eval;

import java.util.List;
import java.util.Map;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.condition.ContextValues;
import org.iamlab.engine.condition.DateValue;

/**
 * A request readied for one evaluation: the request with the evaluation's clock and the principal's boundary,
 * and the request context, which adds the keys AWS always supplies ({@code aws:PrincipalArn},
 * {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:username} for users,
 * {@code aws:CurrentTime}, {@code aws:EpochTime}) unless the request gives them.
 */
public final class PreparedRequest implements ContextValues {

    private final Request request;
    private final String actionLower;
    private final String service;
    private final String actionName;
    private final Arn resourceArn;
    private final String resourceAccount;
    private final long nowMillis;
    private final boolean hasPermissionsBoundary;

    /**
     * @param nowMillis              the request time, for {@code aws:CurrentTime} when the context lacks it
     * @param hasPermissionsBoundary whether the principal has a permissions boundary (Deny with NotPrincipal
     *                               then always applies to it)
     */
    public PreparedRequest(Request request, long nowMillis, boolean hasPermissionsBoundary) {
        this.request = request;
        this.actionLower = request.actionLower();
        this.service = request.service();
        this.actionName = request.actionName();
        this.resourceArn = request.resourceArn();
        this.resourceAccount = resourceAccountOf(request, resourceArn);
        this.nowMillis = nowMillis;
        this.hasPermissionsBoundary = hasPermissionsBoundary;
    }

    private static String resourceAccountOf(Request request, Arn arn) {
        if (request.resourceAccount() != null && !request.resourceAccount().isEmpty()) {
            return request.resourceAccount();
        }
        if (arn != null && !arn.account().isEmpty()) {
            return arn.account();
        }
        return request.principal().account();
    }

    public Request request() {
        return request;
    }

    public Principal principal() {
        return request.principal();
    }

    /** The action in lower case, e.g. {@code s3:getobject}. */
    public String actionLower() {
        return actionLower;
    }

    /** The service prefix in lower case, e.g. {@code s3}. */
    public String service() {
        return service;
    }

    /** The service's bit in a compiled policy's service filter. */
    long serviceBit() {
        return request.serviceBit();
    }

    /** The action name without its prefix, in lower case, e.g. {@code getobject}. */
    public String actionName() {
        return actionName;
    }

    public String resource() {
        return request.resource();
    }

    /** The parsed resource ARN, or {@code null} when the resource is not an ARN (e.g. {@code *}). */
    public Arn resourceArn() {
        return resourceArn;
    }

    /** The account that owns the resource, or {@code null} when unknown. */
    public String resourceAccount() {
        return resourceAccount;
    }

    public boolean hasPermissionsBoundary() {
        return hasPermissionsBoundary;
    }

    /** True when an IAM principal acts on a resource of another account. */
    public boolean crossAccount() {
        String principalAccount = request.principal().account();
        return principalAccount != null && resourceAccount != null && !principalAccount.equals(resourceAccount);
    }

    @Override
    public List<String> values(String lowerCaseKey) {
        List<String> given = request.contextValues(lowerCaseKey);
        return given != null ? given : supplied(lowerCaseKey);
    }

    @Override
    public String variableValue(String lowerCaseKey) {
        List<String> values = values(lowerCaseKey);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** The keys AWS adds to every request. */
    private List<String> supplied(String key) {
        Principal p = request.principal();
        return switch (key) {
            case "aws:principalarn" -> request.principalArn();
            case "aws:principalaccount" -> p.account() == null ? null : List.of(p.account());
            case "aws:principaltype" -> p instanceof Principal.Service ? null : List.of(p.kind());
            case "aws:username" -> p instanceof Principal.User u ? List.of(u.name()) : null;
            case "aws:principalservicename" -> p instanceof Principal.Service ? List.of(p.text()) : null;
            case "aws:currenttime" -> List.of(DateValue.format(nowMillis));
            case "aws:epochtime" -> List.of(Long.toString(nowMillis / 1000));
            default -> null;
        };
    }

    /** The context the request carried, with the keys as written. */
    public Map<String, List<String>> givenContext() {
        return request.context();
    }
}
