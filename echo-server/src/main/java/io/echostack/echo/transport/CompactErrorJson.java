package io.echostack.echo.transport;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * engine.io's error answers ({@code 400 {"code":1,"message":"Session ID unknown"}} and the like) as Node's engine.io
 * 3 and 4 write them, with {@code JSON.stringify}: engine.io-server 6.3.2 writes {@code {"code": 1, "message": …}},
 * with spaces, which a tool matching the reference's bytes would miss. Everything else engine.io writes passes as is.
 */
final class CompactErrorJson extends HttpServletResponseWrapper {
    private static final Pattern ERROR = Pattern.compile("\\{\"code\": (\\d+), \"message\": (\"[^\"]*\")}");
    private PrintWriter writer;

    CompactErrorJson(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new Compacting(super.getWriter()));
        }
        return writer;
    }

    private static final class Compacting extends Writer {
        private final PrintWriter body;

        Compacting(PrintWriter body) {
            this.body = body;
        }

        /** engine.io writes each answer whole, with one {@code write(String)}. */
        @Override
        public void write(String text, int offset, int length) {
            String written = text.substring(offset, offset + length);
            Matcher error = ERROR.matcher(written);
            body.write(error.matches() ? "{\"code\":" + error.group(1) + ",\"message\":" + error.group(2) + "}"
                    : written);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            body.write(chars, offset, length);
        }

        @Override
        public void flush() {
            body.flush();
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
