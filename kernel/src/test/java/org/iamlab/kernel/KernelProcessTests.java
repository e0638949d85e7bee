package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The test client's sockets ({@link KernelProcess}) themselves. */
class KernelProcessTests {

    /**
     * A connection whose handshake never completes is what JeroMQ 0.6.0 sometimes makes of a fresh connection (see
     * {@link KernelProcess}); here a peer that accepts and stays silent stands in for it. With ZeroMQ's default the
     * client waited 30 s before it connected again, and a fresh kernel's heartbeat looked deaf for that long.
     */
    @Test
    void aClientSocketGivesUpAStalledHandshakeAndReachesTheRealPeerOnItsNextConnection() throws IOException {
        try (ServerSocket silent = new ServerSocket(); ZContext zmq = new ZContext()) {
            silent.setReuseAddress(true);
            silent.setSoTimeout(10_000);
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = silent.getLocalPort();
            ZMQ.Socket client = KernelProcess.connect(zmq, SocketType.DEALER, port, null);
            KernelProcess.sendFrames(client, List.of(new byte[0], "ping".getBytes(StandardCharsets.UTF_8)));
            try (Socket stalled = silent.accept()) {
                silent.close();
                ZMQ.Socket rep = zmq.createSocket(SocketType.REP);
                rep.setLinger(0);
                rep.bind("tcp://127.0.0.1:" + port);
                rep.setReceiveTimeOut(10_000);
                byte[] ping = rep.recv();
                assertNotNull(ping, "the client did not connect again within 10 s of a stalled handshake");
                assertArrayEquals("ping".getBytes(StandardCharsets.UTF_8), ping);
            }
        }
    }
}
