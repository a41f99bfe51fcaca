package io.chaoscast.inference.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per model id. Registered ids are UUIDs, which callers may write in upper case; the
 * cache, the meters and the telemetry key on the lower-case form, so that two spellings of one
 * model are neither loaded twice nor counted as two models.
 */
public final class ModelIds {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ModelIds() {}

    /** The lower-case form of a UUID-shaped id; anything else unchanged (it names no model). */
    public static String canonical(String id) {
        return id != null && UUID_FORM.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }
}
