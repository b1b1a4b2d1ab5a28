<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

Thank you for the order you placed with us on ${purchase.date}.
It is good to know that ${customer.company} keeps relying on us –
and I don't take that for granted.

  Your order<#if (purchase.description)?has_content>: ${purchase.description}</#if>
  ${purchase.amount}, ${purchase.date}

If anything is not quite as you expected, simply reply to this email.
It comes straight to me, and I will take care of it.

<#if (links.recommend)??>
Do you know someone we could help as well? Recommend them here:
${links.recommend}

</#if>
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
