package io.chaoscast.dataset;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DatasetServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatasetServiceApplication.class, args);
    }
}
