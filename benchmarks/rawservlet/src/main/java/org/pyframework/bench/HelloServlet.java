package org.pyframework.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The hello scenario with nothing in between: the container's own cost. */
public class HelloServlet extends HttpServlet {
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
