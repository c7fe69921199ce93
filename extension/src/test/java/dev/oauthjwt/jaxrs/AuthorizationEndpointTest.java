package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.http.SecuredFeature;
import dev.oauthjwt.jaxrs.roles.ClaimsApi;
import dev.oauthjwt.jaxrs.roles.DeniedByClassApi;
import dev.oauthjwt.jaxrs.roles.RolesApi;
import dev.oauthjwt.jaxrs.roles.RolesContractImpl;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll} on secured endpoints, roles read from nested and
 * namespaced claim paths, any-of scopes, over real HTTP.
 */
class AuthorizationEndpointTest extends SecuredApiTestBase {

    private static final String ROLE_MISSING = "Bearer realm=\"test-api\", error=\"insufficient_scope\", "
            + "error_description=\"The access token lacks a role this resource requires\"";
    private static final String DENIED = "Bearer realm=\"test-api\", error=\"insufficient_scope\", "
            + "error_description=\"This resource is not accessible with any access token\"";

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        Map<String, String> values = super.config(server);
        values.put(
                "oauth.jwt.roles-claim",
                "groups, realm_access/roles, resource_access/api/roles, \"https://example.com/roles\"");
        return values;
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(
                RolesApi.class, DeniedByClassApi.class, RolesContractImpl.class, ClaimsApi.class, SecuredFeature.class);
    }

    /** A token whose only roles are {@code roles} in the flat {@code groups} claim. */
    private String withGroups(String... roles) {
        return Tokens.valid(key).claim("groups", List.of(roles)).sign();
    }

    private static List<String> challenges(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate");
    }

    private void assertRoleMissing(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenges(response)).containsExactly(ROLE_MISSING);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"insufficient_scope\",\"error_description\":"
                        + "\"The access token lacks a role this resource requires\"}");
    }

    @Test
    void classLevelRolesAllowedAppliesToMethodsWithoutTheirOwn() {
        assertThat(getWithToken("/roles/class", withGroups("reader")).body()).isEqualTo("class ok");
        assertRoleMissing(getWithToken("/roles/class", withGroups("admin")));
    }

    @Test
    void methodLevelRolesAllowedReplacesTheClassLevelOne() {
        assertThat(getWithToken("/roles/admin", withGroups("admin")).body()).isEqualTo("admin ok");
        assertRoleMissing(getWithToken("/roles/admin", withGroups("reader")));
    }

    @Test
    void rolesAllowedNeedsOneOfItsRoles() {
        assertThat(getWithToken("/roles/either", withGroups("auditor")).statusCode())
                .isEqualTo(200);
        assertThat(getWithToken("/roles/either", withGroups("admin", "x")).statusCode())
                .isEqualTo(200);
        assertRoleMissing(getWithToken("/roles/either", withGroups("reader")));
    }

    @Test
    void permitAllOnAMethodOverridesClassRolesButStillNeedsAValidToken() {
        assertThat(getWithToken("/roles/permit", withGroups()).body()).isEqualTo("permit ok");
        HttpResponse<String> anonymous = get("/roles/permit");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(challenges(anonymous))
                .containsExactly("Bearer realm=\"test-api\"", SecuredEndpointTest.DPOP_CHALLENGE);
        assertThat(getWithToken("/roles/permit", withGroups() + "x").statusCode())
                .isEqualTo(401);
    }

    @Test
    void denyAllAnswers403ToEveryValidTokenAnd401WithoutOne_R5() {
        HttpResponse<String> denied = getWithToken("/roles/deny", withGroups("admin", "reader", "auditor"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(challenges(denied)).containsExactly(DENIED);
        assertThat(get("/roles/deny").statusCode()).isEqualTo(401);
        assertThat(getWithToken("/roles/nobody", withGroups("admin")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void classLevelDenyAllIsOpenedByMethodLevelPermitAll() {
        assertThat(getWithToken("/denied", withGroups("admin")).statusCode()).isEqualTo(403);
        assertThat(getWithToken("/denied/open", withGroups()).body()).isEqualTo("open ok");
    }

    @Test
    void doubleStarRoleMeansAnyVerifiedToken() {
        assertThat(getWithToken("/roles/any-authenticated", withGroups()).body())
                .isEqualTo("any ok");
        assertThat(get("/roles/any-authenticated").statusCode()).isEqualTo(401);
    }

    @Test
    void rolesAllowedOnAnInterfaceMethodApplies() {
        assertThat(getWithToken("/contract", withGroups("admin")).body()).isEqualTo("contract ok");
        assertRoleMissing(getWithToken("/contract", withGroups("reader")));
    }

    @Test
    void scopesAndClaimRulesAreCheckedBeforeRolesAndAllMustHold() {
        String all = Tokens.valid(key)
                .claim("tenant", "acme")
                .claim("groups", List.of("admin"))
                .sign();
        assertThat(getWithToken("/roles/scoped-admin", all).body()).isEqualTo("scoped admin ok");
        HttpResponse<String> noScope = getWithToken(
                "/roles/scoped-admin",
                Tokens.valid(key)
                        .claim("scope", "write")
                        .claim("tenant", "acme")
                        .claim("groups", List.of("admin"))
                        .sign());
        assertThat(challenges(noScope))
                .singleElement()
                .asString()
                .contains("The access token lacks a required scope")
                .endsWith("scope=\"read\"");
        HttpResponse<String> noRole = getWithToken(
                "/roles/scoped-admin", Tokens.valid(key).claim("tenant", "acme").sign());
        assertThat(challenges(noRole))
                .singleElement()
                .asString()
                .startsWith(ROLE_MISSING)
                .endsWith("scope=\"read\"");
        HttpResponse<String> wrongTenant = getWithToken(
                "/roles/scoped-admin",
                Tokens.valid(key)
                        .claim("tenant", "other")
                        .claim("groups", List.of("admin"))
                        .sign());
        assertThat(challenges(wrongTenant)).singleElement().asString().contains("claim rules");
    }

    @Test
    void readsRolesFromKeycloakRealmAndClientRolesAndNamespacedClaims() {
        String keycloak = Tokens.valid(key)
                .claim("groups", null)
                .claim("realm_access", Map.of("roles", List.of("offline_access", "reader")))
                .claim(
                        "resource_access",
                        Map.of(
                                "api",
                                Map.of("roles", List.of("admin")),
                                "other-client",
                                Map.of("roles", List.of("auditor"))))
                .sign();
        assertThat(getWithToken("/roles/class", keycloak).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/roles/admin", keycloak).statusCode()).isEqualTo(200);
        String auth0 = Tokens.valid(key)
                .claim("groups", null)
                .claim("https://example.com/roles", "admin reader")
                .sign();
        assertThat(getWithToken("/roles/admin", auth0).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/roles/class", auth0).statusCode()).isEqualTo(200);
    }

    @Test
    void clientRolesOfAnotherClientGrantNothing_R3() {
        String token = Tokens.valid(key)
                .claim("groups", null)
                .claim("resource_access", Map.of("other-client", Map.of("roles", List.of("admin"))))
                .sign();
        assertRoleMissing(getWithToken("/roles/admin", token));
    }

    @Test
    void aFlatClaimNamedLikeANestedPathGrantsNothing_R4() {
        String token = Tokens.valid(key)
                .claim("groups", null)
                .claim("realm_access/roles", List.of("admin"))
                .claim("realm_access", Map.of("roles/x", List.of("admin")))
                .sign();
        assertRoleMissing(getWithToken("/roles/admin", token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "ADMIN", "admins", "admi", "admin,reader", "[admin]", "role:admin"})
    void roleNamesMatchExactlyAndCaseSensitively_R1(String role) {
        assertRoleMissing(getWithToken("/roles/admin", withGroups(role)));
        assertRoleMissing(getWithToken(
                "/roles/admin", Tokens.valid(key).claim("groups", role).sign()));
    }

    @Test
    void rolesOfOtherJsonTypesAreNeverCoerced_R2() {
        for (Object value : List.<Object>of(
                Map.of("admin", true), 1, true, List.of(List.of("admin")), List.of(Map.of("name", "admin")))) {
            HttpResponse<String> response = getWithToken(
                    "/roles/admin",
                    Tokens.valid(key)
                            .claim("groups", null)
                            .claim("realm_access", Map.of("roles", value))
                            .claim("https://example.com/roles", value)
                            .sign());
            assertRoleMissing(response);
        }
        HttpResponse<String> notAnObject = getWithToken(
                "/roles/admin",
                Tokens.valid(key)
                        .claim("groups", null)
                        .claim("realm_access", List.of("roles", "admin"))
                        .claim("resource_access", "api/roles admin")
                        .sign());
        assertRoleMissing(notAnObject);
    }

    @Test
    void aSpaceSeparatedRolesStringIsSplitOnSpacesOnly_R6() {
        assertThat(getWithToken(
                                "/roles/admin",
                                Tokens.valid(key)
                                        .claim("groups", "reader  admin")
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
        assertRoleMissing(getWithToken(
                "/roles/admin",
                Tokens.valid(key).claim("groups", "reader\tadmin").sign()));
    }

    @Test
    void anyScopesNeedOneOfThemAndTheChallengeNamesThemAll() {
        assertThat(getWithToken(
                                "/roles/any-scope",
                                Tokens.valid(key).claim("scope", "orders:admin").sign())
                        .body())
                .isEqualTo("any scope ok");
        assertThat(getWithToken(
                                "/roles/any-scope",
                                Tokens.valid(key)
                                        .claim("scope", "x orders:read")
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> none = getWithToken(
                "/roles/any-scope", Tokens.valid(key).claim("scope", "orders").sign());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(challenges(none))
                .containsExactly(
                        "Bearer realm=\"test-api\", error=\"insufficient_scope\", "
                                + "error_description=\"The access token lacks a required scope\", scope=\"orders:read orders:admin\"");
    }

    @Test
    void allOfAndAnyOfScopesCombine() {
        assertThat(getWithToken(
                                "/roles/all-and-any-scope",
                                Tokens.valid(key)
                                        .claim("scope", "read orders:read")
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> onlyAny = getWithToken(
                "/roles/all-and-any-scope",
                Tokens.valid(key).claim("scope", "orders:admin").sign());
        HttpResponse<String> onlyAll = getWithToken(
                "/roles/all-and-any-scope",
                Tokens.valid(key).claim("scope", "read").sign());
        for (HttpResponse<String> response : List.of(onlyAny, onlyAll)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(challenges(response))
                    .singleElement()
                    .asString()
                    .endsWith("scope=\"read orders:read orders:admin\"");
        }
    }

    @Test
    void injectsJsonWebTokenAndEveryClaimTypeIntoARequestScopedBean() {
        String token = Tokens.valid(key)
                .claim("email_verified", true)
                .claim("tenant", "acme")
                .claim("level", 3)
                .claim("realm_access", Map.of("roles", List.of("reader")))
                .claim("tags", List.of("a", "b"))
                .sign();
        HttpResponse<String> response = getWithToken("/mp/claims", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("jwt=alice groups=[users, reader] sub=alice expSet=true "
                        + "emailVerified=true aud=[api] tenant=acme missing=false level=3 realmAccess={\"roles\":[\"reader\"]} "
                        + "levelNumber=3 tenantString=acme tags=[\"a\",\"b\"] tagsValue=ARRAY tenantAsNumber=null");
    }

    @Test
    void claimValuesInAnApplicationScopedBeanFollowTheCurrentRequest() {
        assertThat(getWithToken(
                                "/mp/claim-values",
                                Tokens.valid(key).claim("level", 7).sign())
                        .body())
                .isEqualTo("sub=alice level=7 groups=[users] jwt=alice");
        assertThat(getWithToken(
                                "/mp/claim-values",
                                Tokens.valid(key)
                                        .claim("sub", "bob")
                                        .claim("groups", null)
                                        .sign())
                        .body())
                .isEqualTo("sub=bob level=-1 groups=null jwt=bob");
    }

    @Test
    void injectsAnEmptyJsonWebTokenWhenNoSecuredEndpointVerifiedOne_R7() {
        HttpResponse<String> response = get("/mp/anonymous", "Authorization", "Bearer " + withGroups("admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("jwt=null claims=[] groups=[]");
    }
}
