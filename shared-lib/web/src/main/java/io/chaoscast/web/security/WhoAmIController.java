package io.chaoscast.web.security;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: the dashboard's sign-in check, and the introspection endpoint through which a
 * service without a database checks a token (it sends the token itself, nothing else).
 */
@RestController
public class WhoAmIController {

    /** The caller's name, scopes and where the token was found. */
    public record WhoAmIResponse(String name, List<String> scopes, String source) {}

    @GetMapping(RequestRules.WHOAMI_PATH)
    public WhoAmIResponse whoami(@AuthenticationPrincipal ApiPrincipal principal) {
        return new WhoAmIResponse(principal.name(), principal.scopeNames(), principal.source());
    }
}
