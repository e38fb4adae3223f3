package site_cms.searchnode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch 2.19 cluster running inside this JVM, for tests.
 *
 * <p>Why embedded: the machines this project runs on have no Docker and can only
 * reach package registries, so the official distribution tarball cannot be
 * downloaded. Every jar OpenSearch needs is on Maven Central, though, and a
 * {@link Node} can be started directly from the classpath. That also skips the
 * distribution's bootstrap checks (the "can not run as root" refusal, the
 * security manager and jar-hell scan), which are production safeguards that
 * only get in the way of a throwaway test node.
 *
 * <p>Usage: {@code java -cp target/classes:target/dependency/* site_cms.searchnode.SearchNode
 * [--port N] [--home DIR]}. Each option can also come from the system property
 * {@code searchnode.port} / {@code searchnode.home} or the environment variable
 * {@code SEARCH_NODE_PORT} / {@code SEARCH_NODE_HOME}; the command line wins.
 * The heap is left to whoever runs {@code java} (e.g. {@code -Xmx512m}).
 *
 * <p>Contract with the scripts: once the node accepts HTTP requests it prints
 * exactly {@code READY http://127.0.0.1:<port>} on stdout and writes its PID to
 * {@code <home>/node.pid}; SIGTERM closes the node cleanly and removes the PID file.
 */
public final class SearchNode {

    private static final String HOST = "127.0.0.1";

    /**
     * {@code Node}'s only constructor that accepts plugin classes is protected: it
     * is how OpenSearch's own test framework loads plugins from the classpath
     * instead of from {@code plugins/} directories with descriptor files.
     */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
            // true = refuse private index settings, as a normal node does.
            super(environment, classpathPlugins, true);
        }
    }

    private SearchNode() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "searchnode.port", "SEARCH_NODE_PORT", "9200"));
        Path home = Paths.get(option(args, "--home", "searchnode.home", "SEARCH_NODE_HOME", "var/search-node"))
            .toAbsolutePath()
            .normalize();

        // Netty4Plugin otherwise pins Netty's processor count globally, which
        // clashes with anything else in the JVM that already touched Netty.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");

        // PluginsService lists modules/ and plugins/ and fails if they are absent;
        // they stay empty because our plugins come from the classpath.
        for (String dir : List.of("modules", "plugins", "config", "data", "logs")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings settings = Settings.builder()
            .put("cluster.name", "site-cms-test")
            .put("node.name", "search-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            // No peers to find: elect ourselves immediately instead of waiting
            // for discovery, and keep the transport port off the LAN.
            .put("discovery.type", "single-node")
            .put("network.host", HOST)
            .put("http.port", port)
            // Dev machines often have nearly-full disks; the watermarks would
            // then block shard allocation and leave indices red.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        // Same resolution the real launcher does (defaults, config dir,
        // ${placeholders}) minus reading opensearch.yml, which we do not ship.
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> "search-node");

        Node node = new EmbeddedNode(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));

        Path pidFile = home.resolve("node.pid");
        CountDownLatch closed = new CountDownLatch(1);
        // The hook is registered before start() so a SIGTERM during startup
        // still releases the data-directory lock instead of leaving it stale.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("search-node: error while closing: " + e);
            } finally {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException ignored) {
                    // Best effort: stop.sh tolerates a stale pid file.
                }
                closed.countDown();
            }
        }, "search-node-shutdown"));

        // start() returns once the HTTP port is bound and this node has become
        // cluster manager, so the node is usable as soon as we announce it.
        node.start();

        Files.write(pidFile, (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        System.out.println("READY http://" + HOST + ":" + port);
        System.out.flush();

        // OpenSearch's threads are non-daemon, but keeping main alive makes the
        // lifetime explicit and independent of that implementation detail.
        closed.await();
    }

    /** Command-line {@code --name value} first, then a system property, then the environment. */
    private static String option(String[] args, String flag, String property, String envVar, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(flag) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(flag + "=")) {
                return args[i].substring(flag.length() + 1);
            }
        }
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            value = System.getenv(envVar);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }
}
