package io.echostack.api.channel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Laravel's {@code Request::expectsJson()}, which picks JSON or an HTML page for an error: an XMLHttpRequest (not
 * PJAX) that accepts anything, or a request whose most acceptable type is JSON. laravel-echo-server and echo-server
 * send {@code X-Requested-With: XMLHttpRequest}, so they get JSON; a bare {@code curl} gets the page.
 */
final class ExpectsJson {
    private ExpectsJson() {
    }

    static boolean of(String requestedWith, String pjax, String accept) {
        List<String> acceptable = acceptableTypes(accept);
        boolean ajax = "XMLHttpRequest".equals(requestedWith);
        boolean acceptsAny = acceptable.isEmpty() || acceptable.get(0).equals("*/*") || acceptable.get(0).equals("*");
        boolean wantsJson = !acceptable.isEmpty()
                && (acceptable.get(0).contains("/json") || acceptable.get(0).contains("+json"));
        return (ajax && !isPjax(pjax) && acceptsAny) || wantsJson;
    }

    /** PHP's loose {@code $header == true}: any value but "" and "0". */
    private static boolean isPjax(String pjax) {
        return pjax != null && !pjax.isEmpty() && !pjax.equals("0");
    }

    /** Symfony's {@code getAcceptableContentTypes()}: media types without parameters, highest {@code q} first. */
    static List<String> acceptableTypes(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of();
        }
        return Arrays.stream(accept.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .map(MediaRange::parse)
                .sorted(Comparator.comparingDouble(MediaRange::quality).reversed())
                .map(MediaRange::type)
                .toList();
    }

    private record MediaRange(String type, double quality) {
        static MediaRange parse(String item) {
            String[] parts = item.split(";");
            double quality = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].strip().split("=", 2);
                if (param.length == 2 && param[0].strip().toLowerCase(Locale.ROOT).equals("q")) {
                    quality = parseQuality(param[1].strip());
                }
            }
            return new MediaRange(parts[0].strip(), quality);
        }

        private static double parseQuality(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
