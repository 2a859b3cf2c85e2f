package org.pyframework.gradle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.gradle.api.GradleException;

/** The versions pinned when the plugin was built (pyframework's own build writes them). */
final class Versions {

    private static final Properties VALUES = load();

    private Versions() {
    }

    private static Properties load() {
        Properties values = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new GradleException("org.pyframework.war: versions.properties is missing from the plugin jar");
            }
            values.load(in);
        } catch (IOException e) {
            throw new GradleException("org.pyframework.war: cannot read versions.properties", e);
        }
        return values;
    }

    static String get(String key) {
        String value = VALUES.getProperty(key);
        if (value == null) {
            throw new GradleException("org.pyframework.war: no '" + key + "' in versions.properties");
        }
        return value;
    }
}
