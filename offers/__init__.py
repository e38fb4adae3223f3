"""Local offers (issue 18): what the directory's merchants sell, their promotions and
services, as pages below each shop's page (see ``offers.models``)."""
