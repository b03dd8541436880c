// Shared Jest setup for unit tests: DOM matchers for component tests (no-op in the node environment).
import "@testing-library/jest-dom";
