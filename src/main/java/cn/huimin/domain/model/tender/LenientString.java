package cn.huimin.domain.model.tender;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/** Reads a JSON number or string as text, so that "12.345" and 12.345 reach the same validation rule. */
public class LenientString implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        jakarta.json.JsonValue v = parser.getValue();
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return v.toString();
    }
}
