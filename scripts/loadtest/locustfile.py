"""The mixed workload of `make loadtest`: what researchers do all day.

Weights: searches (with and without diacritics, phrases, periods), facet
browsing, article pages, entity pages and exports. Article and entity URLs are
read from the home page and search results, so the test follows real links.
"""

import random
import re

from locust import HttpUser, between, task

QUERIES = [
    "dân vận", "dan van", "Trần Thị Diệu Minh", "tran thi dieu minh", '"chương trình phối hợp"',
    "UBND", "Mặt trận Tổ quốc", "giai đoạn 2021-2025", "ký kết quy chế", "sơ kết -tổng kết",
    "Phong Điền", "biên phòng OR quân sự", "Thanh Hoá", "xyzzy không có",
]
FACETS = [
    {"kind": "sign"}, {"kind": "review"}, {"period": "2021-2025"}, {"period": "2022-2026"},
    {"year": "2022"}, {"sort": "date"}, {"org": "people_committee"},
]
LINK = re.compile(r'href="(/(?:bai-viet|dia-phuong|can-bo|chuong-trinh|giai-doan|van-ban)/[^"?#]+)"')


class Researcher(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.links = []

    def _remember_links(self, response):
        found = LINK.findall(response.text or "")
        if found:
            self.links = (self.links + found)[-200:]

    @task(6)
    def search(self):
        with self.client.get("/tim-kiem/", params={"q": random.choice(QUERIES)}, name="/tim-kiem/?q", catch_response=True) as response:
            if response.status_code == 200:
                self._remember_links(response)
                response.success()

    @task(3)
    def browse_facets(self):
        params = dict(random.choice(FACETS))
        if random.random() < 0.5:
            params["q"] = random.choice(QUERIES)
        self.client.get("/tim-kiem/", params=params, name="/tim-kiem/?facets")

    @task(4)
    def open_a_page(self):
        if not self.links:
            self._remember_links(self.client.get("/", name="/"))
        if self.links:
            url = random.choice(self.links)
            self.client.get(url, name=url.split("/")[1])

    @task(1)
    def export(self):
        fmt = random.choice(["csv", "json"])
        with self.client.get("/tim-kiem/", params={"q": "dân vận", "format": fmt}, name=f"export {fmt}", catch_response=True) as response:
            if response.status_code == 200 and not response.headers.get("Content-Type", "").startswith(("text/csv", "application/json")):
                response.failure(f"export answered {response.headers.get('Content-Type')}")
