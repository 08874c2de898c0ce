package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object value = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, true, false, null, \"s\"], \"b\": {}, \"c\": []} ");
        Map<?, ?> object = (Map<?, ?>) value;
        assertEquals(List.of(1L, -2L, 3.5, 1000.0, true, false, Json.NULL, "s"), object.get("a"));
        assertEquals(Map.of(), object.get("b"));
        assertEquals(List.of(), object.get("c"));
        assertSame(Json.NULL, Json.parse("null"));
    }

    @Test
    void readsIntegersAsLongsAndOversizeOnesAsDoubles() throws Exception {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(9.223372036854775808e18, Json.parse("9223372036854775808"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(-0.5e-3, Json.parse("-0.5E-3"));
    }

    @Test
    void decodesEscapesAndUtf8() throws Exception {
        assertEquals("\"\\/\b\f\n\r\t\u00e9\u20ac", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\""));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""), "surrogate pair escape");
        assertEquals("h\u00e9\uD83D\uDE00", Json.parse("\"h\u00e9\uD83D\uDE00\""), "raw UTF-8, 2 and 4 bytes");
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|0|empty line",
            "`   `|3|empty line",
            "`{`|1|expected a member name",
            "`{\"a\":1,}`|7|expected a member name",
            "`{\"a\" 1}`|5|expected ':'",
            "`{\"a\":1 \"b\":2}`|7|expected '}' or ','",
            "`[1,]`|3|expected a value",
            "`[1 2]`|3|expected ']' or ','",
            "`01`|1|leading zero",
            "`-`|1|expected a digit after '-'",
            "`1.`|2|expected a digit after the decimal point",
            "`1e`|2|expected a digit in the exponent",
            "`\"abc`|4|unterminated string",
            "`\"\\x\"`|1|invalid escape sequence \\'x'",
            "`\"\\u12g4\"`|5|invalid hex digit 'g'",
            "`\"\\ud800\"`|1|not followed by a \\u low surrogate",
            "`\"\\ud800\\u0041\"`|1|which is not a low surrogate",
            "`\"\\udc00\"`|1|lone low surrogate",
            "`tru`|0|expected 'true'",
            "`nul1`|3|in literal, expected 'null'",
            "`{} x`|3|unexpected 'x' after the JSON value",
            "`{\"a\":1,\"a\":2}`|7|duplicate member name \"a\"",
            "`'a'`|0|unexpected ''', expected a value",
    })
    void refusesMalformedInputWithOffsetAndReason(String text, int offset, String reason) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith("at offset " + offset + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesControlCharactersAndBadUtf8() {
        assertMessage(new byte[] {'"', 'a', 0x01, '"'}, 2, "unescaped control character 0x1");
        assertMessage(new byte[] {'"', (byte) 0xC3, '"'}, 2, "invalid UTF-8 continuation byte");
        assertMessage(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, 1, "invalid UTF-8 lead byte 0xc0");
        assertMessage(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, 1, "surrogate");
        assertMessage(new byte[] {'"', (byte) 0xE2, (byte) 0x82}, 1, "truncated UTF-8 sequence");
        assertMessage(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, 0, "byte 0xef");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than " + Json.MAX_DEPTH), e.getMessage());
    }

    @Test
    void offsetsCountFromTheStartOfTheGivenRange() {
        byte[] bytes = "xx{\"a\":}".getBytes(StandardCharsets.UTF_8);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(bytes, 2, bytes.length));
        assertEquals(5, e.offset());
    }

    @Test
    void writesLinesThatReadBack() throws Exception {
        String tricky = "q\" b\\ nl\n cr\r tab\t ctl\u0001 \u00e9 \uD83D\uDE00 end";
        String line = new JsonLine().string("s", tricky).number("n", -42).bool("b", true).nullValue("z")
                .strings("list", List.of("x", "y")).beginObject("o").number("k", 1).beginObject("p").endObject()
                .endObject().string("after", "a").finish();
        assertEquals("{\"s\":\"q\\\" b\\\\ nl\\n cr\\r tab\\t ctl\\u0001 \u00e9 \uD83D\uDE00 end\","
                + "\"n\":-42,\"b\":true,\"z\":null,\"list\":[\"x\",\"y\"],\"o\":{\"k\":1,\"p\":{}},\"after\":\"a\"}", line);
        Map<?, ?> back = (Map<?, ?>) Json.parse(line);
        assertEquals(tricky, back.get("s"));
        assertEquals(-42L, back.get("n"));
    }

    @Test
    void escapesLoneSurrogatesRatherThanWritingBrokenUtf8() {
        assertEquals("{\"s\":\"a\\ud800b\\udc00\"}", new JsonLine().string("s", "a\uD800b\uDC00").finish());
    }

    private static void assertMessage(byte[] bytes, int offset, String reason) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(bytes, 0, bytes.length));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
