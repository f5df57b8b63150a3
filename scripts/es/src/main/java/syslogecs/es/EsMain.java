package syslogecs.es;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.TestNode;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a single-node Elasticsearch on loopback: `EsMain --home DIR --port N [--host 127.0.0.1]`.
 * Prints `ES_READY http://HOST:PORT` once the HTTP transport is bound.
 */
public final class EsMain {
    public static void main(String[] args) throws Exception {
        String home = null;
        String host = "127.0.0.1";
        int port = 9250;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (home == null) throw new IllegalArgumentException("--home is required");
        // ES's logging SPI before any ES class logs; log4j-core reads log4j2.properties from the classpath
        if (org.elasticsearch.logging.internal.spi.LoggerFactory.provider() == null) {
            org.elasticsearch.logging.internal.spi.LoggerFactory.setInstance(
                new org.elasticsearch.common.logging.internal.LoggerFactoryImpl());
        }
        Path homePath = Path.of(home).toAbsolutePath();
        Settings settings = Settings.builder()
            .put("cluster.name", "syslog-ecs-test")
            .put("node.name", "node-1")
            .put("path.home", homePath.toString())
            .put("path.data", homePath.resolve("data").toString())
            .put("path.logs", homePath.resolve("logs").toString())
            .put("network.host", host)
            .put("http.port", port)
            .put("transport.port", "0")
            .put("discovery.type", "single-node")
            .put("node.processors", 2)
            .put("indices.breaker.total.use_real_memory", false)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("cluster.routing.allocation.disk.watermark.low", "99%")
            .put("cluster.routing.allocation.disk.watermark.high", "99%")
            .put("cluster.routing.allocation.disk.watermark.flood_stage", "99%")
            .put("action.destructive_requires_name", false)
            .build();
        Node node;
        try {
            Environment env = new Environment(settings, null);
            List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class);
            node = new TestNode(env, plugins);
            node.start();
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
            return;
        }
        TransportAddress addr = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        System.out.println("ES_READY http://" + addr.getAddress() + ":" + addr.getPort());
        System.out.flush();
        CountDownLatch done = new CountDownLatch(1);
        final Node n = node;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                n.close();
                n.awaitClose(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
            done.countDown();
        }));
        done.await();
    }
}
