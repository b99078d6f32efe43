// Lint: TypeScript rules, React hooks, and the one-way import directions of the house style.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const features = ["library", "ask", "models", "lab"];

// Imports run app -> features -> {adapters, core, lib}; workers -> {adapters, core, lib};
// adapters -> {core, lib}; core -> core. Features never import each other.
const importDirections = [
  { target: "./src/core", from: "./src", except: ["./core"], message: "core is pure: it imports only core." },
  { target: "./src/lib", from: "./src", except: ["./lib"], message: "lib imports only lib." },
  { target: "./src/adapters", from: "./src/app", message: "adapters must not import the app." },
  { target: "./src/adapters", from: "./src/features", message: "adapters must not import features." },
  { target: "./src/adapters", from: "./src/workers", message: "adapters must not import workers." },
  { target: "./src/adapters", from: "./src/cli", message: "adapters must not import the CLI." },
  { target: "./src/workers", from: "./src/app", message: "workers must not import the app." },
  { target: "./src/workers", from: "./src/features", message: "workers must not import features." },
  { target: "./src/features", from: "./src/app", message: "features must not import the app." },
  { target: "./src/features", from: "./src/cli", message: "features must not import the CLI." },
  { target: "./src/cli", from: "./src/app", message: "the CLI must not import the app." },
  { target: "./src/cli", from: "./src/features", message: "the CLI must not import features." },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: "./src/features",
    except: [`./${name}`],
    message: "features do not import each other; compose them in src/app.",
  })),
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "public/", "bench/out/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: importDirections }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
