package io.chaoscast.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is needed to reproduce a run: the code, the data, the seed and the machine.
 *
 * @param codeVersion git commit or build version of the code that ran
 * @param datasetChecksum SHA-256 of the dataset bytes the run read
 * @param seed the root seed of every random draw in the run
 * @param java Java vendor and version
 * @param os operating system name, version and architecture
 * @param engine deep-learning engine and version (e.g. {@code PyTorch 2.7.1}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        String codeVersion, String datasetChecksum, Long seed, String java, String os, String engine) {

    /** Provenance with the Java and OS fields filled from the running JVM. */
    public static Provenance ofCurrentJvm(String codeVersion, String datasetChecksum, Long seed, String engine) {
        return new Provenance(
                codeVersion,
                datasetChecksum,
                seed,
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"),
                engine);
    }
}
