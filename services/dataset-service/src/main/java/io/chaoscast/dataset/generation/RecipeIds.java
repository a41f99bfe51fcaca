package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetRecipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content addresses of recipes: the id is the SHA-256 (lower-case hex) of the normalised recipe
 * written as canonical JSON: object keys sorted, no whitespace, numbers as Java writes doubles
 * (shortest round-trip form). Any change to the recipe's meaning changes the id; changes of
 * spelling that normalisation removes (key order, omitted defaults, system name case) do not.
 */
public final class RecipeIds {

    private static final JsonMapper CANONICAL =
            JsonMapper.builder()
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private RecipeIds() {}

    public static String canonicalJson(DatasetRecipe recipe) {
        return CANONICAL.writeValueAsString(recipe);
    }

    public static DatasetRecipe parse(String canonicalJson) {
        return CANONICAL.readValue(canonicalJson, DatasetRecipe.class);
    }

    public static String id(DatasetRecipe recipe) {
        return sha256Hex(canonicalJson(recipe).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
