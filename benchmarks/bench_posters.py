"""Benchmark: a batch of 100 posters, the app's batch (worker processes on every core, database,
share records) against a bare single-core Pillow loop drawing the same layout, in the same run.

    python benchmarks/bench_posters.py [--count 100] [--template portrait]

Prints both throughputs and their ratio. Aim: the app's batch at least 1.5× the baseline's
single-core throughput on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microshop.services import products as psvc
from microshop.services.picks import batch_posters
from microshop.services.posters import make_poster
from microshop.store.database import Database

IMAGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "images" / "lychee_phone_photo_exif_rotated.jpg"


def make_image(folder: Path) -> Path:
    if IMAGE.exists():
        return IMAGE
    from PIL import Image

    path = folder / "cover.jpg"
    Image.new("RGB", (3000, 4000), (200, 60, 50)).save(path, quality=90)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--template", default="portrait")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MICROSHOP_DATA_DIR"] = str(Path(tmp) / "data")
        folder = Path(tmp)
        db = Database.open(folder / "bench.sqlite3")
        image = make_image(folder)
        with db.session() as s:
            ids = []
            for i in range(args.count):
                pid = psvc.save_product(s, psvc.ProductInput(
                    f"海南妃子笑荔枝 5斤装 新鲜现摘 第{i}批", link=f"https://m.tb.cn/h.{i:06d}", price_fen=5990 + i,
                    original_price_fen=7990, coupon_fen=1000))
                ids.append(pid)
            psvc.add_image(s, ids[0], image)
            stored = s.get(psvc.Product, ids[0]).images[0].path
            for pid in ids[1:]:
                s.add(psvc.ProductImage(product_id=pid, position=0, path=stored))
        with db.session() as s:
            datas = [psvc.poster_data(s, pid) for pid in ids]

        t0 = time.perf_counter()
        for i, data in enumerate(datas):  # baseline: one core, the same drawing, no database
            make_poster(data, args.template, folder / "baseline" / f"{i}.jpg")
        base = time.perf_counter() - t0

        t0 = time.perf_counter()
        results = batch_posters(db.session, ids, args.template, folder / "app")
        app = time.perf_counter() - t0
        assert len(results) == args.count
        cores = os.cpu_count() or 1
        print(f"baseline (1 core)   {base:6.1f} s  {args.count / base:5.2f} posters/s")
        print(f"app batch ({cores} cores) {app:6.1f} s  {args.count / app:5.2f} posters/s")
        print(f"ratio app/baseline throughput: {base / app:.2f}×  (aim ≥ 1.5× on 2 cores)")
        db.close()


if __name__ == "__main__":
    main()
