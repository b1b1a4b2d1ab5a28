<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

It has been a while since we last spoke, and I wanted to hear how
things are going at ${customer.company}.

Is everything working the way you need it to? Is there anything coming
up where I could help? Just reply to this email – it comes straight to
me, and I am happy to call you whenever it suits you.

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
