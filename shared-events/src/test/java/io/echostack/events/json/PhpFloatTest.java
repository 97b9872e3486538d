package io.echostack.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: PHP 8.2's {@code json_encode} of the same doubles ({@code serialize_precision = -1}). */
class PhpFloatTest {

    @ParameterizedTest
    @CsvSource({"1.0, 1", "100.0, 100", "1e20, 1.0e+20", "0.00001, 1.0e-5", "0.0001, 0.0001", "1e15, 1000000000000000",
            "1e16, 10000000000000000", "1e17, 1.0e+17", "1.5, 1.5", "0.1, 0.1", "-2.5, -2.5",
            "3.14159265358979, 3.14159265358979", "1.2345678901234567e19, 1.2345678901234567e+19", "-0.0, -0",
            "0.0, 0", "5e-324, 5.0e-324", "1.7976931348623157e308, 1.7976931348623157e+308", "12345678.5, 12345678.5",
            "1764225600.123, 1764225600.123", "123456789012345.67, 123456789012345.67",
            "0.30000000000000004, 0.30000000000000004", "2e-7, 2.0e-7", "0.001, 0.001",
            "9007199254740993.0, 9007199254740992", "1e21, 1.0e+21"})
    void writesADoubleAsPhpsJsonEncode(double value, String php) {
        assertThat(PhpFloat.format(value)).isEqualTo(php);
    }
}
