package org.iamlab.kernel;

import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel as Jupyter does: {@code --connection-file FILE} names the JSON file with the ports and the
 * key. Returns when the kernel is shut down.
 */
public final class KernelMain {

    private KernelMain() {
    }

    /** {@code java -cp ... org.iamlab.kernel.KernelMain --connection-file FILE}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--connection-file")) {
            System.err.println("usage: KernelMain --connection-file FILE");
            System.exit(2);
        }
        run(Path.of(args[1]));
        System.exit(0);
    }

    /** Runs a kernel on the connection described by {@code connectionFile} until it is shut down. */
    public static void run(Path connectionFile) throws Exception {
        quietLogging();
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        IamLabKernel kernel = IamLabKernel.create();
        JupyterConnection connection = new KernelConnection(properties);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startEngines();
        connection.waitUntilClose();
    }

    /**
     * Runs what a session does first (the sockets bound, JShell and Groovy started, a Java cell, an {@code %%iam}
     * cell with an explained request, the displays) without a front end, and returns: the training run of
     * {@link KernelSpec#install}, whose loaded classes become the kernel's class data archive.
     */
    public static void train() throws Exception {
        quietLogging();
        JsonObject ports = new JsonObject();
        ports.addProperty("transport", "tcp");
        ports.addProperty("ip", "127.0.0.1");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.addProperty(port, s.getLocalPort());
            }
        }
        ports.addProperty("signature_scheme", "hmac-sha256");
        ports.addProperty("key", UUID.randomUUID().toString());
        IamLabKernel kernel = IamLabKernel.create();
        KernelConnection connection = new KernelConnection(KernelConnectionProperties.parse(ports.toString()));
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startEngines();
        kernel.train();
        kernel.onShutdown(false);
        connection.close();
    }

    /** The protocol library logs each loop it starts: keep warnings only, on the kernel's own stderr. */
    private static void quietLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.cacheOutputStream", "true");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
