package com.example.host;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for a host's {@code @SpringBootApplication} class: it registers the host's package as an
 * auto-configuration package, as every Boot application does. It lives outside {@code io.myuser} so that tests
 * which look for MyUser's beans by package do not count it.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class HostApplication {

}
