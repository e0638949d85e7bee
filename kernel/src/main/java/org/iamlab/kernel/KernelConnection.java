package org.iamlab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's sockets, as the base library's {@link JupyterConnection} opens them, except that the shell and
 * control channels look for requests every {@value #POLL_MILLIS} ms instead of every 50 ms: a request waits
 * 2 to 3 ms on average instead of 25 before the kernel sees it. (The base connection's channels are created in
 * its constructor and stay unbound; these replace them.)
 */
final class KernelConnection extends JupyterConnection {

    /** How long the shell and control loops sleep between looks at their sockets. */
    static final long POLL_MILLIS = 5;

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellChannel fastShell;
    private final ShellChannel fastControl;
    private boolean connected;

    KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.fastShell = new ShellChannel(context, properties.createHMACGenerator(), false, this, POLL_MILLIS);
        this.fastControl = new ShellChannel(context, properties.createHMACGenerator(), true, this, POLL_MILLIS);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        fastShell.bind(properties);
        fastControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        fastShell.close();
        fastControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        fastShell.waitUntilClose();
        fastControl.waitUntilClose();
        super.waitUntilClose();
    }
}
