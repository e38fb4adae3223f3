// The site's own scripts (static/js): progressive enhancement, plain browser JavaScript,
// no build step. Vendored libraries (static/vendor) are not ours to lint.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
    { ignores: ["static/vendor/**", "node_modules/**", ".venv/**", "var/**"] },
    js.configs.recommended,
    {
        files: ["static/js/**/*.js"],
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "script",
            globals: { ...globals.browser, L: "readonly" },
        },
        rules: {
            "no-var": "error",
            "prefer-const": "error",
            eqeqeq: ["error", "always"],
        },
    },
];
