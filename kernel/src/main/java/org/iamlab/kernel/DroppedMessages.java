package org.iamlab.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * The messages a channel dropped, logged once per cause: a flood of badly signed or malformed messages (any local
 * process that can reach the ports can send them) must not fill the kernel's log, and the first of each kind is
 * enough to see what is going on.
 */
final class DroppedMessages {

    private final String channel;
    private final Logger logger;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    DroppedMessages(String channel, Logger logger) {
        this.channel = channel;
        this.logger = logger;
    }

    /** Records a dropped message; logs it when it is the first dropped for {@code cause}. */
    void drop(String cause, String detail) {
        if (logged.add(cause)) {
            logger.warn("{}: dropped a message: {} ({}); later messages dropped for the same reason are not logged",
                    channel, cause, detail.lines().findFirst().orElse(""));
        }
    }
}
