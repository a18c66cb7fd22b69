"""contactguard: tells whether a phone number, link, social account or e-mail address really
belongs to a crypto brand's official support, from a signed registry compiled into the module,
with lookalike detection. Answers are the library's JSON contract as dicts.

>>> import contactguard
>>> c = contactguard.Checker()
>>> c.check("tokenp0cket.pro")["status"]
'impersonation'
>>> c.check("400-123-4567", brand="tokenpocket", region="CN")["findings"][0]["technique"]
'no_such_channel'
"""

from ._contactguard import Checker, __version__

__all__ = ["Checker", "__version__"]
