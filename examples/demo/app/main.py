"""A tiny FastAPI service used to try Dockyard (see the Dockerfile next to this folder)."""
from fastapi import FastAPI

app = FastAPI(title="Dockyard demo")

_items: dict[int, str] = {1: "anchor", 2: "rope"}


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items")
def list_items() -> dict[int, str]:
    return _items


@app.get("/items/{item_id}")
def get_item(item_id: int) -> dict[str, str | int]:
    return {"id": item_id, "name": _items.get(item_id, "unknown")}
