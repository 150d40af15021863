/**
 * The standalone proxy server: a drop-in for a Toxiproxy 2.x server.
 *
 * <pre>
 * mvn -B -q -pl chaos-proxies -am package -DskipTests
 * java -jar chaos-proxies/target/chaos-proxies-&lt;version&gt;-server.jar --port 8474 --config proxies.json
 * </pre>
 *
 * <p>It speaks Toxiproxy's admin API (see {@link dev.chaosjunit.proxy.admin.AdminServer}) on
 * {@code --host}/{@code --port} (default {@code 127.0.0.1:8474}), so toxiproxy-java, toxiproxy-cli and the
 * other Toxiproxy clients work unchanged. {@code --config} takes Toxiproxy's config file (a JSON array of
 * {@code {"name","listen","upstream","enabled"}}, plus our optional {@code "protocol"}); the proxies exist
 * before the API answers. {@code --seed} fixes every random decision. As a container (listening on
 * {@code 0.0.0.0:8474}) Testcontainers' {@code ToxiproxyContainer} accepts it in place of the Toxiproxy image.
 */
package dev.chaosjunit.proxy.server;
