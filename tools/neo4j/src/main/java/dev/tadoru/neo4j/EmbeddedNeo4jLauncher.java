package dev.tadoru.neo4j;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with Bolt on 127.0.0.1 only, for development and tests.
 *
 * <pre>
 *   java -cp 'target/classes:target/lib/*' dev.tadoru.neo4j.EmbeddedNeo4jLauncher \
 *        --port 7687 --data-dir DIR [--page-cache 256m] [--tx-timeout 60s]
 * </pre>
 *
 * <p>Protocol on stdout (nothing else is ever written there): exactly one line, either
 * {@code TADORU_NEO4J_READY bolt://127.0.0.1:PORT} once the default database is available, or
 * {@code TADORU_NEO4J_FAILED <reason>} followed by a non-zero exit. The DBMS is shut down cleanly and
 * the JVM exits 0 when stdin reaches EOF (the parent is gone) or on SIGTERM/SIGINT/SIGHUP.
 * Neo4j's own logs go to DIR/logs (debug.log, neo4j.log); diagnostics go to stderr.
 */
public final class EmbeddedNeo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_DATABASE = "neo4j";
    private static final long SHUTDOWN_WAIT_FOR_STARTUP_SECONDS = 120;

    /** The real stdout; System.out is redirected to stderr so no library can pollute the protocol. */
    private static final PrintStream PROTOCOL =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private static final CountDownLatch STARTUP_FINISHED = new CountDownLatch(1);
    private static final Object LOCK = new Object();
    private static DatabaseManagementService service; // guarded by LOCK
    private static boolean stopping; // guarded by LOCK
    private static OutputStream userLog; // guarded by LOCK

    private EmbeddedNeo4jLauncher() {}

    public static void main(String[] args) {
        System.setOut(System.err);

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage() + " (usage: --port N --data-dir DIR [--page-cache 256m] [--tx-timeout 60s])", 2);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4jLauncher::shutdown, "tadoru-neo4j-shutdown"));
        exitZeroOn("TERM");
        exitZeroOn("INT");
        exitZeroOn("HUP");
        watchStdin();

        try {
            start(options);
        } catch (Throwable t) {
            STARTUP_FINISHED.countDown();
            t.printStackTrace(System.err);
            fail(describe(t), 1);
            return;
        }
        STARTUP_FINISHED.countDown();

        synchronized (LOCK) {
            if (stopping) {
                return;
            }
            PROTOCOL.println("TADORU_NEO4J_READY bolt://" + HOST + ":" + options.port);
            PROTOCOL.flush();
        }

        // Neo4j's threads keep the JVM alive; park the main thread anyway so nothing depends on that.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(Options o) throws IOException {
        Path home = o.dataDir;
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);

        OutputStream userLogStream = Files.newOutputStream(
                logs.resolve("neo4j.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        synchronized (LOCK) {
            userLog = userLogStream;
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(userLogStream))
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, o.txTimeout)
                // A development store: no 256 MB preallocated transaction log per database, little history.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, o.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, o.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Bolt's netty event loops otherwise wait a 5 s quiet period (twice) on every shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));

        DatabaseManagementService dbms = builder.build();
        synchronized (LOCK) {
            service = dbms;
            if (stopping) {
                return; // the shutdown hook is waiting for us and will shut it down
            }
        }

        GraphDatabaseService db = dbms.database(DEFAULT_DATABASE);
        while (!db.isAvailable(1_000)) {
            synchronized (LOCK) {
                if (stopping) {
                    return;
                }
            }
        }
        // Bolt is started with the DBMS; make sure it really accepts connections before saying READY.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, o.port), 5_000);
        }
    }

    private static void shutdown() {
        synchronized (LOCK) {
            stopping = true;
        }
        try {
            // If startup is still running, let it finish so the store is closed cleanly.
            STARTUP_FINISHED.await(SHUTDOWN_WAIT_FOR_STARTUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService dbms;
        OutputStream log;
        synchronized (LOCK) {
            dbms = service;
            service = null;
            log = userLog;
            userLog = null;
        }
        if (dbms != null) {
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("tadoru-neo4j: error during shutdown: " + describe(t));
            }
        }
        if (log != null) {
            try {
                log.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }

    /** When the parent dies its end of our stdin closes: shut down instead of lingering. */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                InputStream in = System.in;
                while (in.read(buffer) >= 0) {
                    // ignore input; only EOF matters
                }
            } catch (IOException ignored) {
                // treat a broken stdin like EOF
            }
            System.exit(0);
        }, "tadoru-neo4j-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Makes a signal run the shutdown hook and exit 0 (the JVM default would exit 128+n). */
    @SuppressWarnings("removal")
    private static void exitZeroOn(String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> new Thread(() -> System.exit(0), "tadoru-neo4j-sig" + signal).start());
        } catch (Throwable ignored) {
            // signal not available here (or -Xrs): the JVM default still runs the shutdown hook
        }
    }

    private static void fail(String reason, int status) {
        synchronized (LOCK) {
            stopping = true;
        }
        PROTOCOL.println("TADORU_NEO4J_FAILED " + oneLine(reason));
        PROTOCOL.flush();
        System.exit(status);
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable current = t;
        String previous = null;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            String message = current.getMessage();
            String part = current.getClass().getSimpleName() + (message == null ? "" : ": " + message);
            if (previous != null && message != null && previous.contains(message)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(part);
            previous = message;
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 2000 ? line.substring(0, 2000) + "…" : line;
    }

    private static final class Options {
        int port = -1;
        Path dataDir;
        long pageCacheBytes;
        Duration txTimeout;

        static Options parse(String[] args) {
            Options o = new Options();
            String pageCache = "256m";
            String txTimeout = "60s";
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                switch (arg) {
                    case "--port":
                        try {
                            o.port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
                        }
                        break;
                    case "--data-dir":
                        o.dataDir = Path.of(value).toAbsolutePath().normalize();
                        break;
                    case "--page-cache":
                        pageCache = value;
                        break;
                    case "--tx-timeout":
                        txTimeout = value;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.port < 1 || o.port > 65535) {
                throw new IllegalArgumentException("--port N (1-65535) is required");
            }
            if (o.dataDir == null) {
                throw new IllegalArgumentException("--data-dir DIR is required");
            }
            try {
                o.pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad --page-cache '" + pageCache + "': " + e.getMessage());
            }
            try {
                o.txTimeout = SettingValueParsers.DURATION.parse(txTimeout);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad --tx-timeout '" + txTimeout + "': " + e.getMessage());
            }
            return o;
        }
    }
}
