package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine deploys exactly the files in processes/: a new BPMN or DMN file cannot be forgotten. */
class ProcessResourcesTest {
    @Test
    void everyProcessFileIsDeployed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            assertThat(files.map(p -> "processes/" + p.getFileName())
                    .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn")))
                    .containsExactlyInAnyOrderElementsOf(Bootstrap.PROCESS_RESOURCES);
        }
    }

    @Test
    void everyDeployedFileIsOnTheClasspath() {
        for (String resource : Bootstrap.PROCESS_RESOURCES) {
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
        }
    }
}
