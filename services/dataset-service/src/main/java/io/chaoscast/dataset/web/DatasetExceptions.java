package io.chaoscast.dataset.web;

import io.chaoscast.dynamics.systems.ParameterOutOfRangeException;
import io.chaoscast.dynamics.systems.UnknownParameterException;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.ExceptionTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** dataset-service's domain exceptions in the shared error catalogue. */
@Configuration(proxyBeanMethods = false)
class DatasetExceptions {

    @Bean
    ExceptionTable datasetExceptionTable() {
        return new ExceptionTable()
                .map(UnknownParameterException.class, e -> new ApiException(
                        DatasetError.UNKNOWN_PARAMETER, "parameters." + e.parameter(), e.getMessage()))
                .map(ParameterOutOfRangeException.class, e -> ApiException.invalid("parameters." + e.parameter(), e.getMessage()));
    }
}
