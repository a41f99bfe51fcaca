package io.chaoscast.web;

import io.chaoscast.web.limits.BodySizeLimitFilter;
import io.chaoscast.web.limits.WebLimitsProperties;
import io.chaoscast.web.problem.ExceptionTable;
import io.chaoscast.web.problem.ProblemDetailsAdvice;
import io.chaoscast.web.problem.ProblemErrorController;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import io.chaoscast.web.problem.ProblemErrorReportValve;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Gives every service the shared web layer: the problem-details handler, the container's error page
 * as a problem, and the request-body limit. Runs before Spring Boot's own error configuration so
 * that its HTML/JSON error controller steps aside.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebLimitsProperties.class)
public class WebLayerAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(List<ExceptionTable> tables) {
        return new ProblemDetailsAdvice(tables);
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Replaces Tomcat's HTML error page (for requests it refuses itself) by a problem. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve v : host.getPipeline().getValves()) {
                            if (v instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(v);
                            }
                        }
                        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                        host.getPipeline().addValve(new ProblemErrorReportValve());
                    }
                });
            }
        };
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebLimitsProperties limits) {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(new BodySizeLimitFilter(limits));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }
}
