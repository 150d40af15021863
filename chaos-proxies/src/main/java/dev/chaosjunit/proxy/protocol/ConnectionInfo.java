package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.SocketAddress;
import org.apiguardian.api.API;

/**
 * What an inspector may know about the connection it inspects.
 *
 * @param proxyName the proxy's name
 * @param connectionId a number unique per proxy, assigned in accept order starting at 1
 * @param client the client's address
 * @param upstream the upstream server's address
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConnectionInfo(String proxyName, long connectionId, SocketAddress client, SocketAddress upstream) {}
