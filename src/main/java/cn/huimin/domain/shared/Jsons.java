package cn.huimin.domain.shared;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;

/**
 * JSON-P builders and readers from one provider looked up once. {@code jakarta.json.Json.createObjectBuilder()} looks
 * the provider up on every call, and in the application server that means searching every jar for a service file:
 * measured in a bid burst, that search was the largest single item of the bid requests' own work.
 */
public final class Jsons {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(Reader r) {
        return PROVIDER.createReader(r);
    }
}
