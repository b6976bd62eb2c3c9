// "Use my location": fill the hidden latitude/longitude from the browser and search.
// Without JavaScript (or without permission) the list of known places works the same.
(function () {
  var button = document.getElementById("use-location");
  var form = document.getElementById("event-search");
  if (!button || !form || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.latitude.value = position.coords.latitude.toFixed(4);
      form.elements.longitude.value = position.coords.longitude.toFixed(4);
      form.elements.place.value = "";
      form.submit();
    });
  });
})();
