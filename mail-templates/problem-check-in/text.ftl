<#ftl encoding="UTF-8">
<#assign n = (days!"0")?number>
<#assign ago = (n == 1)?then("a day", (n == 7)?then("a week", (n == 14)?then("two weeks", (n gt 0)?then(n?c + " days", ""))))>
<#assign labels = {"1": "poor", "2": "fair", "3": "good", "4": "very good", "5": "excellent"}>
Hi ${customer.preferredName},

<#if ago?has_content>About ${ago} ago<#else>Recently</#if> we resolved your issue ("${problem.summary}"),
and I wanted to check how things have been since.

How satisfied are you with the way we handled it? Just open one of
these links:

<#list links.ratings as rating>
  ${(rating.score + " – " + labels[rating.score?string]!"")?right_pad(16)} ${rating.url}
</#list>

And if something still is not right, please reply to this email. It
comes straight to me.

Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
