package io.echostack.deploy.service;

import java.util.regex.Pattern;

/** Whether a configuration value points at a host: a URL's host ({@code redis://redis:6379}) or the bare name. */
public final class HostReference {
    private HostReference() {
    }

    public static boolean names(String value, String host) {
        return Pattern.compile("(^|//|@)" + Pattern.quote(host) + "([:/]|$)").matcher(value).find();
    }
}
