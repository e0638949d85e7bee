package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AnswerLineTests {

    private static String byJackson(Object id, String field, String value) throws IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeFieldName("id");
            g.writeObject(id);
            g.writeStringField(field, value);
            g.writeEndObject();
        }
        return line.toString();
    }

    @Test
    void aLineIsWrittenAsJacksonWritesIt() throws IOException {
        String awkward = "quote \" backslash \\ tab \t newline \n cr \r bell \u0007 nul \u0000 del \u007f "
                + "slash / accents éü emoji \uD83D\uDE00 separator \u2028 `backticks`";
        Object[] ids = {"plain", awkward, 42L, -7L, new BigDecimal("1.50"), new BigDecimal("1E+3"), null};
        for (Object id : ids) {
            assertEquals(byJackson(id, "decision", "Allowed"), AnswerLine.of(id, "decision", "Allowed"));
            assertEquals(byJackson(id, "error", awkward), AnswerLine.of(id, "error", awkward));
        }
    }
}
