package io.echostack.echo.transport;

import io.socket.socketio.server.parser.IOParser;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * socket.io-server's packet parser logs (java.util.logging) a WARNING with a stack trace for every socket.io packet
 * whose JSON is broken, then drops the client: any client could fill the server's log at will. Here each such record
 * is one debug line. The JUL logger is held strongly: JUL keeps loggers, and what is set on them, only weakly.
 */
final class ParserWarnings extends Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ParserWarnings.class);
    private static final java.util.logging.Logger PARSER = java.util.logging.Logger.getLogger(IOParser.class.getName());

    private ParserWarnings() {
    }

    /** Takes the parser's records away from JUL's console handler; once per JVM. */
    static synchronized void install() {
        for (Handler handler : PARSER.getHandlers()) {
            if (handler instanceof ParserWarnings) {
                return;
            }
        }
        PARSER.setUseParentHandlers(false);
        PARSER.addHandler(new ParserWarnings());
    }

    @Override
    public void publish(LogRecord record) {
        LOG.debug("socket.io-server's parser refused a client's packet (the client is dropped): {}",
                record.getThrown() == null ? record.getMessage() : record.getThrown().toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
