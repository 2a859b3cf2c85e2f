package org.pyframework.bench;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The page scenario by hand: 20 rows over plain JDBC from an embedded H2 file,
 * escaped and concatenated into the same HTML the template contenders render.
 * Each container thread keeps its own connection, the cheapest way to hold one.
 */
public class PageServlet extends HttpServlet {
    private static final int SEED_ROWS = 100;
    private static final String QUERY = "SELECT id, name, price FROM item ORDER BY id LIMIT 20";

    private String url;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    @Override
    public void init() throws ServletException {
        File folder = new File(System.getProperty("java.io.tmpdir"), "rawservlet-database");
        url = "jdbc:h2:file:" + new File(folder, "raw").getAbsolutePath().replace(File.separatorChar, '/');
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS item");
            statement.execute("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, price INT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name, price) VALUES (?, ?)")) {
                for (int number = 1; number <= SEED_ROWS; number++) {
                    insert.setString(1, "Item <" + number + "> & co");
                    insert.setInt(2, number * 3);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException error) {
            throw new ServletException("Cannot prepare the H2 database at " + url, error);
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = connections.get();
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, "sa", "");
            connections.set(connection);
        }
        return connection;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Items</title></head>\n")
            .append("<body>\n<main>\n<table id=\"items\">\n");
        try (PreparedStatement query = connection().prepareStatement(QUERY); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                html.append("<tr class=\"item\"><td>").append(rows.getInt(1)).append("</td><td>");
                escape(rows.getString(2), html);
                html.append("</td><td>").append(rows.getInt(3)).append("</td></tr>\n");
            }
        } catch (SQLException error) {
            throw new ServletException(error);
        }
        html.append("</table>\n</main>\n<footer>benchmark page</footer>\n</body>\n</html>\n");
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void escape(String text, StringBuilder out) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&#34;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
    }
}
