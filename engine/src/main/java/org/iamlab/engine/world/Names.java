package org.iamlab.engine.world;

import java.util.regex.Pattern;

/** The naming rules of IAM and AWS accounts, with messages that say what is allowed. */
final class Names {

    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]*/");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");

    private Names() {
    }

    /** Checks a user, group, role, policy or instance profile name ({@code maxLength} 64 or 128). */
    static String iamName(String kind, String name, int maxLength) {
        if (name == null || name.isEmpty()) {
            throw WorldException.invalid("a " + kind + " needs a name", null);
        }
        if (name.length() > maxLength || !IAM_NAME.matcher(name).matches()) {
            throw WorldException.invalid("`" + name + "` is not a valid " + kind + " name",
                    "use up to " + maxLength + " letters, digits and + = , . @ _ - (no spaces or slashes)");
        }
        return name;
    }

    static String path(String path) {
        String p = path == null ? "/" : path;
        if (p.length() > 512 || !PATH.matcher(p).matches()) {
            throw WorldException.invalid("`" + p + "` is not a valid IAM path",
                    "a path starts and ends with `/`, such as `/` or `/engineering/`");
        }
        return p;
    }

    static String accountId(String id) {
        if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
            throw WorldException.invalid("`" + id + "` is not an AWS account ID",
                    "an account ID is exactly 12 digits, such as `111122223333`");
        }
        return id;
    }

    static String sessionName(String name) {
        if (name == null || name.length() < 2 || name.length() > 64 || !SESSION_NAME.matcher(name).matches()) {
            throw new WorldException("ValidationError", "`" + name + "` is not a valid role session name",
                    "1 validation error detected: Value '" + name + "' at 'roleSessionName' failed to satisfy"
                            + " constraint: Member must " + (name != null && name.length() < 2
                            ? "have length greater than or equal to 2"
                            : "satisfy regular expression pattern: [\\w+=,.@-]*"),
                    "use 2 to 64 letters, digits and + = , . @ _ -");
        }
        return name;
    }
}
