package io.echostack.events.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A float as PHP's {@code json_encode} writes it ({@code serialize_precision = -1}): the shortest digits that read
 * back as the same double, plain up to 17 integer digits and down to 0.0001, else {@code 1.0e+20} / {@code 1.0e-5};
 * no {@code .0} on whole numbers ({@code 1.0} is written {@code 1}). Java writes {@code 1.0}, {@code 1.0E20},
 * {@code 1.2345678E7}: the same numbers, other bytes.
 */
public final class PhpFloat {
    /** PHP's {@code zend_gcvt} precision for {@code serialize_precision = -1}. */
    private static final int PRECISION = 17;

    private PhpFloat() {
    }

    /** @param value finite (JSON has no NaN or infinity) */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (value == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> x 10^decimalPoint, as zend_dtoa reports it
        int decimalPoint = digits.length() - shortest.scale();
        StringBuilder text = new StringBuilder(24);
        if (negative) {
            text.append('-');
        }
        if (decimalPoint < 0 ? decimalPoint < -3 : decimalPoint > PRECISION) {
            int exponent = decimalPoint - 1;
            text.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        } else if (decimalPoint <= 0) {
            text.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            text.append(digits).append("0".repeat(decimalPoint - digits.length()));
        } else {
            text.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
        return text.toString();
    }

    /** The fewest significant digits that round-trip (zend_dtoa mode 0), without trailing zeros. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < PRECISION; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(PRECISION, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
