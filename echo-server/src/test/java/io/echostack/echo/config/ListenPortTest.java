package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenPortTest {

    @ParameterizedTest
    @CsvSource({
        "6001, 6001",
        "'tcp://10.0.0.1:6001', 6001",
        "'6001/', 6001",
        "' 6002 ', 6002",
        "80, 80",
        "1234567, 34567",
    })
    void takesTheLastTwoToFiveDigitsAtTheEnd(String value, int expected) throws ConfigException {
        assertThat(ListenPort.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "", "abc", "6001x2", "99999"})
    void rejectsValuesWithoutAUsablePort(String value) {
        assertThatThrownBy(() -> ListenPort.parse(value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
    }
}
