// The Swagger UI of the LESA Token & Dispatch API (ApiDocsConfiguration): shows /v3/api-docs, relative to this page
// so that it works behind a path prefix too. No online validator: the page calls nothing but this service.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "../v3/api-docs",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null
  });
};
