"""Views of a map: terminal trees and Graphviz drawings."""
